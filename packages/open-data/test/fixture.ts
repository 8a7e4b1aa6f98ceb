/** An upstream payload kept in `fixtures/` (see the README beside each), as JSON. */
export async function fixture(path: string): Promise<unknown> {
  const response = await fetch(new URL(`./fixtures/${path}`, import.meta.url));
  if (!response.ok) throw new Error(`fixture ${path}: ${response.status}`);
  return response.json();
}
