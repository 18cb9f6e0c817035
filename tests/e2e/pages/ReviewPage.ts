import type { Page } from 'playwright-core';

export class ReviewPage {
  constructor(readonly page: Page) {}

  async waitFor(title: string): Promise<void> {
    await this.page.getByTestId('review-title').filter({ hasText: title }).waitFor();
    await this.page.getByTestId('findings-card').waitFor();
  }

  /** 原貌, 文字 or 文档属性与注释: how the document pane shows the file. */
  async showView(label: '原貌' | '文字' | '文档属性与注释'): Promise<void> {
    await this.page.getByTestId('document-pane').getByText(label, { exact: true }).click();
  }

  /** A part tab of the text view (switching to it first). */
  async showTab(label: string): Promise<void> {
    await this.showView('文字');
    await this.page.getByRole('tab', { name: new RegExp(`^${label}`) }).click();
  }

  /** Marks in the document pane (the visible tab, in the text view) whose text is `text`. */
  marks(text: string) {
    return this.page.locator('[data-testid="document-pane"] mark.finding-mark').filter({ hasText: text }).filter({ visible: true });
  }

  /** What marks the selected finding in the document pane: its mark, box, outline or strip tick. */
  async selectedInDocument(): Promise<number> {
    const id = await this.selectedFindingId();
    return id ? this.page.locator(`[data-testid="document-pane"] [data-finding-ids~="${id}"]`).count() : 0;
  }

  findingItems() {
    return this.page.getByTestId('findings-list').locator('[data-finding-id]');
  }

  async findingIds(): Promise<string[]> {
    const items = await this.findingItems().all();
    return Promise.all(items.map(async (item) => (await item.getAttribute('data-finding-id')) ?? ''));
  }

  async selectedFindingId(): Promise<string | null> {
    return this.page.locator('.finding-item.selected').getAttribute('data-finding-id');
  }

  async select(findingId: string): Promise<void> {
    await this.page.locator(`[data-finding-id="${findingId}"]`).click();
  }

  async press(key: string): Promise<void> {
    await this.page.keyboard.press(key);
  }

  async waitDisposed(findingId: string): Promise<void> {
    await this.page.locator(`[data-finding-id="${findingId}"][data-disposed]`).waitFor();
  }

  /** Disposes the selected finding from the keyboard: 1–4, and for 2 / 3 a reason and Enter. */
  async disposeSelectedByKeyboard(key: '1' | '2' | '3' | '4', reason = ''): Promise<void> {
    const id = await this.selectedFindingId();
    await this.press(key);
    if (key === '2' || key === '3') {
      const input = this.page.getByTestId('disposition-reason');
      await input.waitFor();
      await input.fill(reason);
      await input.press('Enter');
    }
    if (id) await this.waitDisposed(id);
  }

  async openCountText(): Promise<string> {
    return (await this.page.getByTestId('open-count').textContent()) ?? '';
  }

  signoffButton() {
    return this.page.getByTestId('open-signoff');
  }

  async signoffBlockedReason(): Promise<string | null> {
    return this.signoffButton().getAttribute('data-blocked-reason');
  }

  async openSignoff(): Promise<void> {
    await this.signoffButton().click();
    await this.page.getByRole('dialog').waitFor();
  }

  warnings() {
    return this.page.getByTestId('scan-warnings');
  }

  async state(): Promise<string> {
    return (await this.page.getByTestId('document-state').textContent()) ?? '';
  }
}
