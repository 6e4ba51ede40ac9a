/** `1 checkpoint`, `2 checkpoints`: messages people read never say "checkpoint(s)". */
export function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : nouns}`;
}

/** An instant for a sentence: `2026-03-09 17:00 UTC` (the reader's own zone is applied where one is known). */
export function readableInstant(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}
