import {request} from 'node:http';
/** Small HTTP client for the tests: every call goes over loopback to a real listening server. */
export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  // Tests read answers' JSON freely, each as its route's OpenAPI shape says.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any;
}

export async function call(url: string, init: RequestInit = {}): Promise<Answer> {
  const response = await fetch(url, init);
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return {status: response.status, headers: response.headers, text, json};
}

export const get = (url: string, headers: Record<string, string> = {}) => call(url, {headers});

export const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  call(url, {
    method: 'POST',
    headers: {'content-type': 'application/json', ...headers},
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

/**
 * A GET sent with node:http, path and headers exactly as given: fetch would resolve `..` in the path and refuses
 * to set Host, and the tests need both.
 */
export function rawGet(baseUrl: string, path: string, headers: Record<string, string> = {}): Promise<Omit<Answer, 'headers'>> {
  const {hostname, port} = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = request({host: hostname, port, path, method: 'GET', headers}, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => {
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
        resolve({status: res.statusCode ?? 0, text, json});
      });
    });
    req.on('error', reject);
    req.end();
  });
}
