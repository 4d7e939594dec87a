/**
 * The terminal in an embedded lesson step, as built: a step loads neither
 * the terminal's adapters nor the nginx configuration parser (the world
 * starts nginx from configurations parsed at build time), so opening the
 * terminal loads them, and its commands then read the world as in the app:
 * kubectl, dig, `nginx -t` on a pod's files and `nginx -s reload`.
 */
import { expect, test, type Page } from '@playwright/test';
import { collectProblems, labState } from '../embed/browser';
import { EMBED_ORIGIN } from '../embed/port';

async function openStep(page: Page, lesson: string): Promise<{ fetched: string[] }> {
  const fetched: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin === EMBED_ORIGIN && url.pathname.endsWith('.js')) fetched.push(url.pathname);
  });
  await page.goto(`${EMBED_ORIGIN}/__fixtures__/lesson.html?${new URLSearchParams({ lesson, step: '1' })}`);
  await expect.poll(async () => (await labState(page.locator('#lab'))).state).toBe('ready');
  await expect(page.locator('#lab').getByText('Event log', { exact: false }).first()).toBeVisible();
  await page.waitForLoadState('networkidle');
  return { fetched };
}

test('a Kubernetes lesson step runs nginx without the parser; the terminal, once open, runs kubectl, dig and nginx -t in a pod', async ({ page }) => {
  const problems = collectProblems(page);
  const { fetched } = await openStep(page, 'full-path');
  const lab = page.locator('#lab');
  // Run to where the pods serve, through nginx started from the build's templates.
  await lab.evaluate((el) => (el as HTMLElement & { seek(ms: number): void }).seek(15_000));
  expect(await labState(lab)).toMatchObject({ state: 'ready', now: 15_000 });
  const before = [...fetched];
  expect(before.filter((f) => /\/(nginx-parser|Terminal\.Shell)-[\w-]+\.js$/.test(f)), 'nothing of the terminal or the parser before it opens').toEqual([]);

  await lab.getByText('Terminal', { exact: true }).click();
  const region = lab.getByRole('region', { name: 'Terminal' });
  const input = region.getByRole('textbox', { name: 'Command' });
  await expect(input).toBeFocused();
  const output = region.getByRole('log', { name: 'Terminal output' });
  expect(fetched.some((f) => /\/nginx-parser-[\w-]+\.js$/.test(f)), 'the parser came with the terminal').toBe(true);

  await input.fill('kubectl get pods');
  await input.press('Enter');
  await expect(output).toContainText(/NAME\s+READY\s+STATUS/);
  const pod = ((await lab.locator('[data-component^="pod:default/nginx-"]').first().getAttribute('data-component')) ?? '').slice('pod:default/'.length);
  expect(pod).toMatch(/^nginx-/);

  await input.fill('dig www.example.com');
  await input.press('Enter');
  await expect(output).toContainText(';; ->>HEADER<<- opcode: QUERY');

  await input.fill(`kubectl exec -it ${pod} -- sh`);
  await input.press('Enter');
  await input.fill('nginx -t');
  await input.press('Enter');
  await expect(output).toContainText('test is successful');
  await input.fill('nginx -s reload');
  await input.press('Enter');
  await expect(output).toContainText('signal process started');
  expect(problems).toEqual([]);
});
