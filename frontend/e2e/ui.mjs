// Small helpers for driving the antd UI with playwright-core.

/** Waits until `locator` contains `text`. */
export async function expectText(locator, text, timeout = 20_000) {
  const until = Date.now() + timeout;
  let last = '';
  while (Date.now() < until) {
    last = (await locator.first().textContent({ timeout: 2000 }).catch(() => null)) ?? '';
    if (last.includes(text)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`expected "${text}" in ${locator}, got: ${last.slice(0, 500)}`);
}

/** The button `button` inside the form labelled `form`. (After a request antd
 *  briefly keeps a "loading" icon in the button's name, hence the regex.) */
export const formButton = (page, form, button) =>
  page.getByRole('form', { name: form }).getByRole('button', { name: new RegExp(`^(loading )?${button}$`) });

export async function chooseRegion(page, search, district) {
  const input = page.getByLabel('所在地区', { exact: true });
  await input.click();
  await input.fill(search);
  await page.locator('.ant-cascader-menu-item', { hasText: district }).first().click();
}

/** Opens the antd Select labelled `label` (its selected value covers the input). */
export async function openSelect(page, label) {
  await page.locator('.ant-select', { has: page.getByLabel(label, { exact: true }) }).click();
}

export async function chooseCraft(page, name) {
  await openSelect(page, '擅长的手工类别');
  await page.locator('.ant-select-item-option', { hasText: name }).first().click();
  await page.keyboard.press('Escape');
}

export async function login(page, email, password) {
  if (!page.url().includes('/login')) await page.goto('/login');
  await page.getByLabel('电子邮箱', { exact: true }).fill(email);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await formButton(page, '登录', '登录').click();
}

export async function logout(page) {
  await page.goto('/account');
  await page.getByRole('button', { name: '退出登录' }).first().click();
  await page.waitForURL((u) => new URL(u).pathname === '/');
  await page.getByRole('button', { name: '登录', exact: true }).first().waitFor();
}

/** Opens a section a phone shows folded (components/Fold) once the page shows it, if it is folded. */
export async function unfold(page, testId) {
  const fold = page.getByTestId(testId);
  await fold.waitFor();
  const header = fold.locator('.ant-collapse-header').first();
  if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
}

// confirmPopover clicks a Popconfirm's OK button until the popover closes.
// Under load a click can land while antd is still animating the popover in
// and be lost (CI saw the distribution stay a draft with the popover open);
// a click that lands closes it, so a second click is never sent after one
// that worked.
export async function confirmPopover(page, okTestId, attempts = 3) {
  const ok = page.getByTestId(okTestId);
  for (let i = 0; i < attempts; i++) {
    await ok.click();
    try {
      await ok.waitFor({ state: 'hidden', timeout: 5_000 });
      return;
    } catch {
      // still open: the click was lost in the animation; try again
    }
  }
  throw new Error(`the popover with ${okTestId} did not close after ${attempts} clicks`);
}
