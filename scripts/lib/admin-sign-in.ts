/**
 * Signs in to /admin the way a browser does (the sign-in form's CSRF token and cookie, then the
 * session cookie) and answers the dashboard's HTML: the demo uses it to show the admin pages
 * work with its token. Node only.
 */
function cookiesOf(response: Response): string {
  // Node's Headers has getSetCookie(); the project's types are the Workers' (no DOM lib).
  const lines = (response.headers as unknown as { getSetCookie(): string[] }).getSetCookie();
  return lines
    .map((line) => line.split(';')[0])
    .filter((pair) => !pair.endsWith('='))
    .join('; ');
}

export async function adminDashboard(origin: string, token: string): Promise<string> {
  const form = await fetch(`${origin}/admin`);
  const csrf = /name="csrf" value="([^"]+)"/.exec(await form.text())?.[1];
  if (!csrf) throw new Error('/admin shows no sign-in form');
  const signIn = await fetch(`${origin}/admin/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookiesOf(form), origin },
    body: new URLSearchParams({ csrf, token }),
  });
  if (signIn.status !== 303) throw new Error(`signing in to /admin answered ${signIn.status}`);
  const dashboard = await fetch(`${origin}/admin`, { headers: { cookie: cookiesOf(signIn) } });
  const html = await dashboard.text();
  if (!html.includes('<h1>Admin</h1>')) throw new Error('/admin did not show the dashboard after signing in');
  return html;
}
