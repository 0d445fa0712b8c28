// Minimal assertions so the suite runs unchanged under vitest (Node) and mocha (@web/test-runner).

function show(v: unknown): string {
  try {
    return JSON.stringify(v);
  } catch {
    return String(v);
  }
}

function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v && typeof v === 'object') {
    return Object.fromEntries(
      Object.keys(v as object)
        .sort()
        .map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
    );
  }
  return v;
}

export function assertEqual(actual: unknown, expected: unknown, message = ''): void {
  if (show(canonical(actual)) !== show(canonical(expected))) {
    throw new Error(`${message ? `${message}: ` : ''}expected ${show(expected)}, got ${show(actual)}`);
  }
}

export function assertTrue(value: unknown, message: string): void {
  if (!value) throw new Error(message);
}

export async function assertRejects(
  promise: Promise<unknown>,
  check: (e: unknown) => boolean,
  message: string,
): Promise<void> {
  let error: unknown;
  try {
    await promise;
  } catch (e) {
    error = e;
  }
  if (error === undefined) throw new Error(`${message}: expected a rejection, but it resolved`);
  if (!check(error)) throw new Error(`${message}: rejected with the wrong error: ${String(error)}`);
}
