/** The address without a leading copy of its region, which people (and the
 *  demo data) often type in full: "山东省滨州市滨城区黄河五路318号" under
 *  "山东省 滨州市 滨城区" is shown as "黄河五路318号". */
export function streetAddress(address: string, regionName: string): string {
  let rest = address.trim();
  for (const part of regionName.split(/\s+/).filter(Boolean)) {
    const r = rest.trimStart();
    if (r.startsWith(part)) rest = r.slice(part.length);
  }
  return rest.trim() || address.trim();
}

/** Region and street, each once. */
export function placeText(regionName: string, address: string): string {
  return [regionName, streetAddress(address, regionName)].filter(Boolean).join(' ');
}
