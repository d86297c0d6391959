/** The printable settlement statement (A4). (The settlement work fills this in.) */
export default function StatementPage() {
  return null;
}
