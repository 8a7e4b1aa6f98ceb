/** An error the API answers as `{error: {code, message}}` with its HTTP status. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Field-by-field problems of a request body, keyed by field path. */
    readonly fields?: Record<string, string>,
    readonly headers?: Record<string, string>
  ) {
    super(message);
  }
}

export const badRequest = (message: string, fields?: Record<string, string>) =>
  new ApiError(400, 'bad_request', message, fields);

export function errorBody(code: string, message: string, fields?: Record<string, string>) {
  return {error: fields ? {code, message, fields} : {code, message}};
}
