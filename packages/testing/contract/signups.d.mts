export interface ContractServer {
  name: string;
  /** The API's `…/v1` address. */
  v1: string;
  /** Headers that make a request an administrator's. */
  admin: Record<string, string>;
  /** Headers of a signed-in user who is not an administrator, where the server has users. */
  user?: Record<string, string>;
  /** The signups a client may send a minute, as the server is set. */
  rateLimit: number;
}
/** The consent's wording a signup body gives. */
export const CONSENT: string;
export function signupContract(server: ContractServer): void;
export function signupBody(over?: Record<string, unknown>): Record<string, unknown>;
export function parseCsv(text: string): Record<string, string>[];
export function parseCsvRows(text: string): string[][];
