/** A dispute with both sides' evidence, its thread and (staff) the decision. (The fulfilment work fills this in.) */
export default function DisputePage() {
  return null;
}
