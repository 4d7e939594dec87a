/**
 * Network faults from the fault menu in a real browser: a DNS record's new
 * value is picked from a labelled select, and a change AWS refuses (a TTL on
 * a Route 53 alias) says why on the page.
 */
import { expect, test } from '@playwright/test';

const faults = (page: import('@playwright/test').Page) => page.getByRole('list', { name: 'Faults and repairs' });

test('a TTL on the Route 53 alias is refused, and the page says why', async ({ page }) => {
  await page.goto('/?scenario=/lessons/scenarios/full-path.yaml&speed=2&autoplay=1');
  const entry = faults(page).getByRole('listitem').filter({ has: page.getByRole('button', { name: /^Change DNS TTL\b/ }) });
  await expect(entry.getByRole('combobox', { name: 'Target of Change DNS TTL' })).toHaveValue('my-nlb-url.com');
  await entry.getByRole('button', { name: /^Change DNS TTL\b/ }).click();
  await expect(page.getByRole('alert')).toContainText('an alias TTL cannot be set');
});

test('a DNS record is pointed elsewhere with a value picked from a labelled select', async ({ page }) => {
  await page.goto('/?scenario=/lessons/scenarios/full-path.yaml&speed=2&autoplay=1');
  const entry = faults(page).getByRole('listitem').filter({ has: page.getByRole('button', { name: /^Change DNS record\b/ }) });
  const value = entry.getByRole('combobox', { name: 'new value' });
  await expect(value).toHaveValue('alias:default/nginx-loadbalancer');
  await expect(value.getByRole('option')).toHaveText(['alias to the NLB of default/nginx-loadbalancer']);
  // Paused, so the command's record stays among the log's newest entries however slow the machine is.
  await page.getByRole('button', { name: 'Pause' }).click();
  await entry.getByRole('button', { name: /^Change DNS record\b/ }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByRole('list', { name: 'Event log' })).toContainText(/dns-record|Route 53: my-nlb-url\.com\. was alias/);
});
