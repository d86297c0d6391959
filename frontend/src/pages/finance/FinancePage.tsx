/** Finance staff: bank transfers to match, payouts and refunds to send, settlement exports. (The money work fills this in.) */
export default function FinancePage() {
  return null;
}
