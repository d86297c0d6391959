// Requests the fetch mock (utils.tsx mockApi) had no reply for. The mock
// throws at once (the page sees a network error), and setup.ts fails the
// test afterwards, so a missing reply cannot pass as a silent 404.
const seen: string[] = [];

/** Records an unanswered request and returns the error the mock throws. */
export function unanswered(request: string): Error {
  seen.push(request);
  return new Error(`mockApi: no reply for ${request}`);
}

/** The unanswered requests since the last call, forgotten. */
export function takeUnanswered(): string[] {
  return seen.splice(0);
}
