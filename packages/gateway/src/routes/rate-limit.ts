/** Route options limiting each client (IP) to `max` requests a minute (429 with Retry-After above). */
export const perMinute = (max: number) => ({config: {rateLimit: {max, timeWindow: 60_000}}});
