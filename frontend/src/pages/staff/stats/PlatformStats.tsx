/** Staff: platform money figures and the monthly volume chart. (The settlement work fills this in.) */
export default function PlatformStats() {
  return null;
}
