// A client-rendered single-page app: the server only serves files.
export const ssr = false;
export const prerender = false;
