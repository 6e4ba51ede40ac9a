/**
 * Splits a byte stream into records ended by one delimiter byte (NUL or newline), decoding each
 * record as UTF-8 only once it is whole, so a multi-byte character cut across two chunks survives.
 *
 * Pure and incremental: feed chunks as they arrive, then call `flush()` for a last record that has
 * no delimiter after it.
 *
 * @example
 * const split = createRecordSplitter(0);
 * split.push(Buffer.from('a\0b')); // ['a']
 * split.push(Buffer.from('c\0'));  // ['bc']
 */
export interface RecordSplitter {
  push(chunk: Buffer): string[];
  flush(): string[];
}

export function createRecordSplitter(delimiter: number): RecordSplitter {
  // Pieces of a record that spans chunks, joined once its end arrives (not per chunk: a huge record
  // would otherwise be copied again with every chunk).
  let carry: Buffer[] = [];
  return {
    push(chunk) {
      const records: string[] = [];
      let start = 0;
      let end = chunk.indexOf(delimiter, start);
      while (end !== -1) {
        if (carry.length > 0) {
          records.push(Buffer.concat([...carry, chunk.subarray(start, end)]).toString('utf8'));
          carry = [];
        } else {
          records.push(chunk.toString('utf8', start, end));
        }
        start = end + 1;
        end = chunk.indexOf(delimiter, start);
      }
      // Copy: the stream may reuse the chunk's memory once we return.
      if (start < chunk.length) carry.push(Buffer.from(chunk.subarray(start)));
      return records;
    },
    flush() {
      const last = Buffer.concat(carry);
      carry = [];
      return last.length > 0 ? [last.toString('utf8')] : [];
    },
  };
}
