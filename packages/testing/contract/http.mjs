// One request to a server under contract: its status, headers, text, and the text read as JSON when it is JSON.

/** `path` under `base` (the API's `…/v1` address), or a whole address as it is. */
export async function answer(base, path, init = {}) {
  const response = await fetch(path.startsWith('http') ? path : `${base}${path}`, init);
  const text = await response.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return {status: response.status, headers: response.headers, text, json};
}
