/** The URL policy lives in src/net (the one outbound fetcher); this re-export keeps old imports working. */
export * from '../net/url-policy';
