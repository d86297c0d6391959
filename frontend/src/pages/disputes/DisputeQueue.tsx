/** Staff: the dispute queue, oldest first. (The fulfilment work fills this in.) */
export default function DisputeQueue() {
  return null;
}
