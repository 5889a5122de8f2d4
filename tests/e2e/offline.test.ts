import type { BrowserContext, Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import {
  documentText,
  focusEndOfText,
  newPersonContext,
  openSection,
  storedUpdateCount,
  waitUntilConnected,
} from "./browser";
import { openSectionAs, useBrowserSuite } from "./useBrowserSuite";

const SECTION = "p2-equality";

describe("editing offline", () => {
  const suite = useBrowserSuite();
  let amina: BrowserContext;
  let ben: BrowserContext;
  let pageA: Page;
  let pageB: Page;

  beforeAll(async () => {
    [{ context: amina, page: pageA }, { context: ben, page: pageB }] = await openSectionAs(
      suite,
      SECTION,
      [{ person: "Amina Diallo" }, { person: "Ben Okafor" }],
    );
  });

  it("keeps edits made offline and merges them with edits made meanwhile", async () => {
    await focusEndOfText(pageA);
    await pageA.keyboard.type("Women are less likely to use the Internet.");
    await expect.poll(() => documentText(pageB)).toContain("less likely");

    await amina.setOffline(true);
    await expect.poll(() => pageA.getByTestId("connection-state").textContent()).toBe("offline");

    const offlineEdit = " In least developed countries the gap is widest.";
    await pageA.keyboard.type(offlineEdit);
    const meanwhile = "Ben notes that rural areas lag behind cities.";
    await focusEndOfText(pageB);
    await pageB.keyboard.press("Enter");
    await pageB.keyboard.type(meanwhile);
    await expect.poll(() => documentText(pageB)).toContain(meanwhile);
    // Amina is really offline: her edit has not reached Ben yet.
    expect(await documentText(pageB)).not.toContain(offlineEdit.trim());

    await amina.setOffline(false);
    await waitUntilConnected(pageA);
    for (const page of [pageA, pageB]) {
      await expect.poll(() => documentText(page)).toContain(offlineEdit.trim());
      await expect.poll(() => documentText(page)).toContain(meanwhile);
    }
    await expect
      .poll(async () => (await documentText(pageA)) === (await documentText(pageB)))
      .toBe(true);
  });

  it("keeps offline edits in the browser across a reload and sends them once connected", async () => {
    const section = "p3-future-context";
    const kim = await newPersonContext(suite.browser, suite.url, "Kim Nguyen");
    // Lets the test hold back the collaboration socket while the page itself still loads.
    let holdBackCollab = false;
    await kim.routeWebSocket(/\/collab\//, (socket) => {
      if (!holdBackCollab) socket.connectToServer();
    });
    const pageK = await openSection(kim, suite.url, section);
    const pageB2 = await openSection(ben, suite.url, section);
    await focusEndOfText(pageK);
    await pageK.keyboard.type("Foresight matters.");
    await expect.poll(() => documentText(pageB2)).toContain("Foresight matters.");

    await kim.setOffline(true);
    await expect.poll(() => pageK.getByTestId("connection-state").textContent()).toBe("offline");
    const before = await storedUpdateCount(pageK, section);
    const offlineEdit = " Scenarios help.";
    await pageK.keyboard.type(offlineEdit);
    // Saved in this browser (one update per keystroke at least) before the page goes away.
    await expect
      .poll(() => storedUpdateCount(pageK, section))
      .toBeGreaterThanOrEqual(before + offlineEdit.length);

    holdBackCollab = true;
    await kim.setOffline(false);
    await pageK.reload();
    await expect.poll(() => documentText(pageK)).toContain(`Foresight matters.${offlineEdit}`);
    expect(await pageK.getByTestId("connection-state").textContent()).not.toBe("connected");
    expect(await documentText(pageB2)).not.toContain(offlineEdit.trim());

    holdBackCollab = false;
    await pageK.reload();
    await waitUntilConnected(pageK);
    await expect.poll(() => documentText(pageB2)).toContain(`Foresight matters.${offlineEdit}`);
    await kim.close();
  });
});
