/**
 * A URL-safe short name from any title, keeping letters and digits of Latin scripts.
 *
 * @example slugify('Spring Cohort — 2027') // 'spring-cohort-2027'
 */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return slug.length >= 2 ? slug : 'workspace';
}
