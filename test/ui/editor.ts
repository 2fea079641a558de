/**
 * The n8n editor (2.40.7) as a user drives it, through puppeteer-core. Selectors are the editor's own
 * data-test-id attributes, read from its DOM; every step waits for what it needs instead of sleeping.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import type { ElementHandle, Page } from 'puppeteer-core';

const NDV = '[data-test-id="ndv"]';
const PARAMETERS = `${NDV} [data-test-id="node-parameters"]`;
/** Dropdowns of the parameter panel: options, multi-options, loaded options and the Add Option/Filter lists. */
/** The open tooltip of a parameter's issue icon. */
const ISSUE_TOOLTIP =
	'::-p-xpath(//*[@data-test-id="tooltip-content"][contains(@data-state, "open")][contains(., "Issues")])';
/** The open popover of a resource locator's "From list" mode. */
const LIST_POPOVER = '[role="dialog"][data-state="open"][aria-labelledby^="reka-popover-trigger"]';
const DROPDOWN_INPUTS = `${PARAMETERS} input[role="combobox"][aria-haspopup="listbox"]`;

export interface Owner {
	email: string;
	firstName: string;
	lastName: string;
	password: string;
}

export interface CredentialInput {
	name: string;
	url: string;
	username: string;
	password: string;
}

/** What the credential modal showed after Save (n8n tests the connection on save). */
export interface CredentialTest {
	ok: boolean;
	/** The banner's text, with the details behind "More details" on a failure. */
	message: string;
}

export interface OpenedList {
	/** The parameter it belongs to (its label, or the Add button's placeholder). */
	label: string;
	entries: string[];
}

export interface OutputTable {
	/** The items count the output panel shows, e.g. "37 items". */
	count: string;
	rows: number;
	columns: string[];
}

export class Editor {
	constructor(
		readonly page: Page,
		readonly baseUrl: string,
		private readonly screenshotDir: string,
	) {
		mkdirSync(screenshotDir, { recursive: true });
	}

	async screenshot(name: string): Promise<string> {
		const path = join(this.screenshotDir, `${name.replace(/[^\w.-]+/g, '-')}.png`);
		await this.page.screenshot({ path });
		return path;
	}

	/** The first-start form at /setup; done when the editor's main menu shows. */
	async setUpOwner(owner: Owner): Promise<string> {
		await this.page.goto(`${this.baseUrl}/setup`, { waitUntil: 'domcontentloaded' });
		const form = '[data-test-id="setup-form"]';
		await this.page.waitForSelector(`${form} [data-test-id="email"] input`, { visible: true });
		await this.fill(`${form} [data-test-id="email"] input`, owner.email);
		await this.fill(`${form} [data-test-id="firstName"] input`, owner.firstName);
		await this.fill(`${form} [data-test-id="lastName"] input`, owner.lastName);
		await this.fill(`${form} [data-test-id="password"] input`, owner.password);
		await this.page.click('[data-test-id="form-submit-button"]');
		await this.page.waitForSelector('[data-test-id="main-sidebar-settings"]', { visible: true });
		await this.page.waitForFunction(() => !location.pathname.startsWith('/setup'));
		return new URL(this.page.url()).pathname;
	}

	/** Creates a credential in the "Add new credential" modal and returns what its connection test showed. */
	async createCredential(typeName: string, input: CredentialInput): Promise<CredentialTest> {
		const page = this.page;
		await page.goto(`${this.baseUrl}/home/credentials/create`, { waitUntil: 'domcontentloaded' });
		const typeSelect = '[data-test-id="new-credential-type-select"] input';
		await page.waitForSelector(typeSelect, { visible: true });
		await page.type(typeSelect, typeName);
		const option = await page.waitForSelector(
			`::-p-xpath(//*[@data-test-id="new-credential-type-select-option"][normalize-space(.)="${typeName}"])`,
			{ visible: true },
		);
		// A DOM click: the list re-renders while filtering, so a click at coordinates can land on a neighbour.
		await option!.evaluate((element) => (element as HTMLElement).click());
		await page.waitForSelector('[data-test-id="new-credential-type-select-option"]', {
			hidden: true,
		});
		const chosen = await page.$eval(typeSelect, (element) => (element as HTMLInputElement).value);
		if (chosen !== typeName) throw new Error(`the type list chose "${chosen}", not "${typeName}"`);
		await page.click('[data-test-id="new-credential-type-button"]');

		const modal = '[data-test-id="editCredential-modal"]';
		await page.waitForSelector(`${modal} [data-test-id="parameter-input-url"] input`, {
			visible: true,
		});
		// The name field can render a moment after the parameters: wait for it rather than click at once.
		const nameField = await page.waitForSelector(`${modal} [data-test-id="credential-name"]`, {
			visible: true,
		});
		await nameField!.click();
		const nameInput = await page.waitForSelector(
			`${modal} [data-test-id="credential-name"] input`,
			{
				visible: true,
			},
		);
		await nameInput!.click({ count: 3 });
		await nameInput!.type(input.name);
		await page.keyboard.press('Enter');
		await this.fill(`${modal} [data-test-id="parameter-input-url"] input`, input.url);
		await this.fill(`${modal} [data-test-id="parameter-input-username"] input`, input.username);
		await this.fill(`${modal} [data-test-id="parameter-input-password"] input`, input.password);
		await this.settle();
		await page.click(`${modal} [data-test-id="credential-save-button"]`);

		const success = `${modal} [data-test-id="credentials-config-container-test-success"]`;
		const failure = `::-p-xpath(//*[@data-test-id="editCredential-modal"]//span[contains(., "connect with these settings")]/ancestor::span[contains(@class, "el-tag")][1])`;
		const banner = await Promise.race([
			page.waitForSelector(success, { visible: true, timeout: 60_000 }).then(() => 'ok' as const),
			page
				.waitForSelector(failure, { visible: true, timeout: 60_000 })
				.then(() => 'failed' as const),
		]);
		if (banner === 'ok') {
			const message = await page.$eval(success, (element) => element.textContent ?? '');
			return { ok: true, message: message.replace(/\s+/g, ' ').trim() };
		}
		const more = await page.$(
			`::-p-xpath(//*[@data-test-id="editCredential-modal"]//*[normalize-space(.)="More details"])`,
		);
		await more?.click();
		await page.waitForFunction(
			(selector) => {
				const element = document.evaluate(
					selector,
					document,
					null,
					XPathResult.FIRST_ORDERED_NODE_TYPE,
				).singleNodeValue;
				return (
					(element?.textContent ?? '')
						.replace(/connect with these settings|Retry|More details/g, '')
						.trim().length > 10
				);
			},
			{},
			'//*[@data-test-id="editCredential-modal"]//span[contains(., "connect with these settings")]/ancestor::span[contains(@class, "el-tag")][1]',
		);
		const message = await (await page.waitForSelector(failure))!.evaluate(
			(element) => element.textContent ?? '',
		);
		return { ok: false, message: message.replace(/\s+/g, ' ').trim() };
	}

	/** Closes the credential modal; after a failed test n8n asks whether to drop changes (it saved them). */
	/**
	 * Types a value into a field and checks the field holds it: a field the editor re-renders while it is
	 * typed into can drop keystrokes, so a mismatch is cleared and typed again.
	 */
	private async fill(selector: string, value: string): Promise<void> {
		for (let attempt = 1; ; attempt++) {
			const field = await this.page.waitForSelector(selector, { visible: true });
			await field!.click({ count: 3 });
			await this.page.keyboard.press('Backspace');
			await field!.type(value, { delay: 15 });
			const typed = await field!.evaluate((element) => (element as HTMLInputElement).value);
			// Leaving the field commits it to the form's model (seen: a Save right after typing sent a stale value).
			await this.page.keyboard.press('Tab');
			if (typed === value) return;
			if (attempt === 3)
				throw new Error(`the field ${selector} holds another value than was typed`);
		}
	}

	async closeCredentialModal(): Promise<void> {
		const modal = '[data-test-id="editCredential-modal"]';
		const confirm =
			'::-p-xpath(//*[contains(@class, "el-message-box")][contains(., "Close without saving")]//button[normalize-space(.)="Close"])';
		await this.page.keyboard.press('Escape');
		const next = await Promise.race([
			this.page.waitForSelector(modal, { hidden: true }).then(() => 'closed' as const),
			this.page.waitForSelector(confirm, { visible: true }).then(() => 'confirm' as const),
		]);
		if (next === 'confirm') {
			await this.page.click(confirm);
			await this.page.waitForSelector(modal, { hidden: true });
		}
	}

	/** Opens a saved workflow in the editor and returns how many nodes its canvas shows. */
	async openWorkflow(id: string): Promise<number> {
		await this.page.goto(`${this.baseUrl}/workflow/${id}`, { waitUntil: 'domcontentloaded' });
		await this.page.waitForSelector('[data-test-id="canvas-node"]', { visible: true });
		return (await this.page.$$('[data-test-id="canvas-node"]')).length;
	}

	/** Opens a node's panel by double-clicking it on the canvas, and waits until its requests settled. */
	async openNode(name: string): Promise<void> {
		await this.closeNode();
		const node = await this.page.waitForSelector(
			`[data-test-id="canvas-node"][data-node-name="${name}"]`,
			{ visible: true },
		);
		await node!.click({ count: 2 });
		await this.page.waitForSelector(PARAMETERS, { visible: true });
		await this.settle();
	}

	async closeNode(): Promise<void> {
		if (!(await this.page.$(`${NDV} [data-test-id="ndv-close-button"]`))) return;
		const close = await this.page.$(`${NDV} [data-test-id="ndv-close-button"]`);
		if (!(await close?.isVisible())) return;
		await close!.click();
		await this.page.waitForSelector(NDV, { hidden: true });
	}

	/** No editor request in flight for a moment (option lists, list searches, node issues). */
	private async settle(): Promise<void> {
		await this.page.waitForNetworkIdle({ idleTime: 300, timeout: 30_000 });
	}

	/**
	 * The issues the panel shows: every red issue icon next to a parameter, read from its tooltip
	 * (e.g. 'Parameter "Agent" is required.'), plus any issue text shown inline.
	 */
	async panelIssues(): Promise<string[]> {
		const issues: string[] = [];
		const icons = await this.page.$$(`${PARAMETERS} [data-test-id="parameter-issues"]`);
		for (const icon of icons) {
			if (!(await icon.isVisible())) continue;
			const trigger = (await icon.$('span')) ?? icon;
			await trigger.hover();
			const tooltip = await this.page.waitForSelector(ISSUE_TOOLTIP, {
				visible: true,
				timeout: 5_000,
			});
			const text = (await tooltip!.evaluate((element) => element.textContent ?? ''))
				.replace(/\s+/g, ' ')
				.replace(/^\s*Issues:\s*/, '')
				.trim();
			issues.push(text || '(an issue icon without text)');
			await this.page.mouse.move(1, 1);
			await this.page.waitForSelector(ISSUE_TOOLTIP, { hidden: true, timeout: 5_000 });
		}
		const inline = await this.page.$$eval(`${PARAMETERS} *`, (elements) =>
			elements
				.filter((element) => element.children.length === 0)
				.map((element) => element.textContent?.trim() ?? '')
				.filter((text) => /is not supported|There was a problem loading/i.test(text)),
		);
		return [...issues, ...inline];
	}

	/**
	 * Opens every dropdown of the panel in turn and returns its entries (each must load at least one).
	 * `skip` leaves out a dropdown by its label (one already opened on a panel where it is the same).
	 */
	async openDropdowns(skip: (label: string) => boolean = () => false): Promise<OpenedList[]> {
		const lists: OpenedList[] = [];
		const opened = new Set<string>();
		const count = (await this.page.$$(DROPDOWN_INPUTS)).length;
		for (let index = 0; index < count; index++) {
			const input = (await this.page.$$(DROPDOWN_INPUTS))[index];
			if (!input || !(await input.isVisible())) continue;
			const label = await labelOf(input);
			const listId = await input.evaluate((element) => element.getAttribute('aria-controls'));
			// A multi-select has a second combobox (its filter) for the same list.
			if (!listId || opened.has(listId) || skip(label)) continue;
			opened.add(listId);
			await input.click();
			const list = `[id="${listId}"]`;
			await this.page.waitForSelector(list, { visible: true });
			// Loaded options arrive after the list opens: wait until it shows entries or says it has none.
			await this.page.waitForFunction(
				(selector) => {
					const element = document.querySelector(selector);
					if (!element) return false;
					const items = element.querySelectorAll('.el-select-dropdown__item');
					const text = element.textContent ?? '';
					return items.length > 0 || (text.trim() !== '' && !/loading/i.test(text));
				},
				{ timeout: 30_000 },
				list,
			);
			const entries = await this.page.$$eval(`${list} .el-select-dropdown__item`, (items) =>
				items.map((item) => (item.textContent ?? '').replace(/\s+/g, ' ').trim()),
			);
			if (!entries.length) {
				const text = await this.page.$eval(list, (element) => element.textContent ?? '');
				entries.push(`(no entries: ${text.replace(/\s+/g, ' ').trim()})`);
				lists.push({ label, entries: [] });
			} else lists.push({ label, entries });
			await this.page.keyboard.press('Escape');
			await this.page.waitForSelector(list, { hidden: true });
			await this.page.waitForSelector(PARAMETERS, { visible: true });
		}
		return lists;
	}

	/** Opens every resource locator in "From list" mode and returns the entries its search loaded. */
	async openListSearches(): Promise<OpenedList[]> {
		const lists: OpenedList[] = [];
		const locators = `${PARAMETERS} .resource-locator[data-test-id^="resource-locator-"]`;
		const count = (await this.page.$$(locators)).length;
		for (let index = 0; index < count; index++) {
			const container = (await this.page.$$(locators))[index];
			if (!container || !(await container.isVisible())) continue;
			const label = await labelOf(container);
			const mode = await container.$eval('[data-test-id="rlc-mode-selector"] input', (element) =>
				(element as HTMLInputElement).value.trim(),
			);
			if (mode !== 'From list') continue;
			try {
				lists.push({ label, entries: await this.openListSearch(container) });
			} catch (error) {
				throw new Error(`"${label}": ${(error as Error).message}`);
			}
			await this.closeListSearch();
			await this.page.waitForSelector(PARAMETERS, { visible: true });
		}
		return lists;
	}

	/**
	 * Opens a list search and returns its entries once loaded; throws with what the list shows instead (e.g.
	 * "Could not load list" and the Hub's error).
	 */
	private async openListSearch(container: ElementHandle): Promise<string[]> {
		await (await container.$('[data-test-id="rlc-input"]'))!.click();
		const popover = await this.page.waitForSelector(LIST_POPOVER, { visible: true });
		// Entries arrive after the search request: wait until it shows entries or a message.
		await this.page.waitForFunction(
			(element) => {
				if (element.querySelector('[data-test-id="rlc-item"]')) return true;
				const text = (element.textContent ?? '').trim();
				return text !== '' && !/loading/i.test(text);
			},
			{ timeout: 30_000 },
			popover!,
		);
		const entries = await popover!.$$eval('[data-test-id="rlc-item"]', (items) =>
			items.map((item) => (item.textContent ?? '').replace(/\s+/g, ' ').trim()),
		);
		if (!entries.length) {
			const text = await popover!.evaluate((element) => element.textContent ?? '');
			throw new Error(`the list search showed no entries: ${text.replace(/\s+/g, ' ').trim()}`);
		}
		return entries;
	}

	/** Closes an open list search: Escape does not (its search box keeps the focus), a click outside it does. */
	private async closeListSearch(): Promise<void> {
		await this.page.click(`${NDV} [data-test-id="tab-params"]`);
		await this.page.waitForSelector(LIST_POPOVER, { hidden: true });
	}

	/** Chooses the first entry of every empty "From list" resource locator (for a run with defaults). */
	async chooseFirstListEntries(): Promise<string[]> {
		const chosen: string[] = [];
		const locators = `${PARAMETERS} .resource-locator[data-test-id^="resource-locator-"]`;
		for (const container of await this.page.$$(locators)) {
			if (!(await container.isVisible())) continue;
			const value = await container.$eval('[data-test-id="rlc-input"]', (element) =>
				(element as HTMLInputElement).value.trim(),
			);
			if (value) continue;
			await this.openListSearch(container);
			const first = await this.page.waitForSelector('[data-test-id="rlc-item"]', { visible: true });
			chosen.push(
				`${await labelOf(container)} = ${await first!.evaluate((item) => item.textContent?.trim())}`,
			);
			await first!.click();
			await this.page.waitForSelector(LIST_POPOVER, { hidden: true });
		}
		return chosen;
	}

	/**
	 * Clicks the panel's execute button ("Execute step", or "Fetch Test Event" on the trigger) and reads the
	 * output table; throws with the error the panel shows when the run failed.
	 */
	async executeAndReadTable(): Promise<OutputTable> {
		const page = this.page;
		// The panel has a second execute button in its empty output pane: the one in the header is used.
		const button = await page.waitForSelector(
			`${NDV} [data-test-id="node-execute-button"]:not([data-test-id="output-panel"] *)`,
			{ visible: true },
		);
		await button!.click();
		const output = `${NDV} [data-test-id="output-panel"]`;
		const outcome = await Promise.race([
			page
				.waitForSelector(`${output} [data-test-id="ndv-items-count"]`, {
					visible: true,
					timeout: 90_000,
				})
				.then(() => 'items' as const),
			page
				.waitForSelector(`${output} [data-test-id*="error"]`, { visible: true, timeout: 90_000 })
				.then(() => 'error' as const),
			page
				.waitForSelector(
					`::-p-xpath(//*[@data-test-id="ndv"]//*[@data-test-id="output-panel"]//*[contains(text(), "No output data returned")])`,
					{ visible: true, timeout: 90_000 },
				)
				.then(() => 'empty' as const),
		]);
		if (outcome === 'empty')
			throw new Error('the run returned no items ("No output data returned")');
		if (outcome === 'error') {
			const text = await page.$eval(output, (element) => element.textContent ?? '');
			throw new Error(`the run failed: ${text.replace(/\s+/g, ' ').trim().slice(0, 400)}`);
		}
		const tableButton = await page.$(`${output} [data-test-id="radio-button-table"]`);
		if (tableButton) await tableButton.click();
		await page.waitForSelector(`${output} [data-test-id="ndv-data-container"] table`, {
			visible: true,
		});
		return await page.$eval(output, (panel) => ({
			count: (panel.querySelector('[data-test-id="ndv-items-count"]')?.textContent ?? '').trim(),
			rows: panel.querySelectorAll('[data-test-id="ndv-data-container"] table tbody tr').length,
			columns: [...panel.querySelectorAll('[data-test-id="ndv-data-container"] table thead th')]
				.map((header) => (header.textContent ?? '').trim())
				.filter(Boolean),
		}));
	}
}

/** The label of the parameter an element belongs to (or the placeholder of an Add Option/Filter list). */
async function labelOf(element: ElementHandle): Promise<string> {
	return await element.evaluate((node) => {
		const add = node.closest('[data-test-id="collection-parameter-add"]');
		if (add) return add.querySelector('input')?.getAttribute('placeholder') ?? 'Add';
		const item = node.closest('[data-test-id="parameter-item"], .parameter-item');
		const label = (
			item?.querySelector('label [class*="_title"]') ?? item?.querySelector('label')
		)?.textContent?.trim();
		if (label) return label;
		const path = node.closest('[data-parameter-path]')?.getAttribute('data-parameter-path');
		return (
			path ??
			node.closest('[data-test-id^="parameter-input-"]')?.getAttribute('data-test-id') ??
			'?'
		);
	});
}
