/** One line a manager can read for an entry's payload; the JSON beside the report keeps every field. */
export function summarise(type: string, p: Record<string, unknown>): string {
  const s = (v: unknown) => (v === null || v === undefined ? '' : String(v));
  switch (type) {
    case 'pack.scan':
    case 'pack.quantity':
      return [
        `scan "${s(p.raw)}"`,
        `verdict ${s(p.verdict)}`,
        p.sku ? `SKU ${s(p.sku)}` : '',
        p.units ? `${s(p.units)} unit(s)` : '',
        p.serial ? `serial ${s(p.serial)}` : '',
        p.lot ? `lot ${s(p.lot)}` : '',
      ]
        .filter(Boolean)
        .join(', ');
    case 'pack.override':
      return `override ${s(p.kind)} approved by ${s(p.manager)}: "${s(p.reason)}"`;
    case 'pack.weighed':
      return `parcel ${s(p.parcel)} weighed ${s(p.grams)} g (${s(p.source)})`;
    case 'pack.completed':
      return `completed as ${s(p.status)}; ${JSON.stringify(p.parcels ?? [])}`;
    case 'video.segment':
      return `clip ${s(p.file ?? p.playbackUrl)} ${s(p.startedAt)} – ${s(p.endedAt)}, SHA-256 ${s(p.sha256)}`;
    default: {
      const text = JSON.stringify(p);
      return text === '{}' ? '' : text.length > 300 ? `${text.slice(0, 300)}…` : text;
    }
  }
}
