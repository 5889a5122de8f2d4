// The Coverage page of the evidence library: reached from the Evidence page's tabs by keyboard,
// it shows the server's coverage figures by question, group and region, the sources each
// section cites under the section's title, and the uncited sources with a count of the rest.
import { formsCsv } from "@rapporteur/evidence/testing";
import { replaceYDocContent } from "@rapporteur/schema";
import { beforeAll, describe, expect, it } from "vitest";
import { pollUntil } from "../api/apiFiles";
import { callApi } from "../support/callApi";
import { connectCollabClient } from "../support/collabClient";
import { loginAs } from "../support/serverProcess";
import { axeViolations } from "./axeScan";
import { signedInContext } from "./browser";
import { useBrowserSuite } from "./useBrowserSuite";

type Count = { total: number; cited: number };

/** What the test reads of `GET /api/evidence/coverage`. */
interface EvidenceCoverage {
  submissions: Count & {
    byQuestion: Record<string, { answered: number; cited: number }>;
    byGroup: Record<string, Count>;
    byRegion: Record<string, Count>;
  };
  uncited: { id: number }[];
  uncitedTotal: number;
}

describe("the evidence Coverage page", () => {
  const suite = useBrowserSuite();
  let coverage: EvidenceCoverage;
  let report: { sections: { id: string; title: string }[] };
  let cited: number[];
  let cookie: string;

  beforeAll(async () => {
    cookie = await loginAs(suite.url, "editor");
    const forms = await callApi(suite.url, cookie, "POST", "/evidence/import", {
      filename: "forms.csv",
      contentBase64: Buffer.from(formsCsv()).toString("base64"),
    });
    expect(forms.status, JSON.stringify(forms.body)).toBe(200);
    const ids: number[] = forms.body.ids;
    cited = [ids[0]!, ids[1]!, ids[5]!];
    report = (await callApi(suite.url, cookie, "GET", "/report")).body;
    const section = report.sections[0]!.id;
    const client = connectCollabClient(suite.url, section, { cookie });
    await client.synced;
    replaceYDocContent(client.doc, {
      type: "doc",
      content: [
        {
          type: "paragraph",
          content: [
            { type: "text", text: "Respondents agree." },
            ...cited.map((sourceId) => ({ type: "citation", attrs: { sourceId } })),
          ],
        },
      ],
    } as never);
    const answer = await pollUntil(
      () => callApi(suite.url, cookie, "GET", "/evidence/coverage?limit=50"),
      (a) => a.body.submissions?.cited === 3,
      "the citations to reach the server",
    );
    coverage = answer.body;
    client.destroy();
  });

  it("shows the server's figures, the cited sources under their section and the uncited ones", async () => {
    const context = await signedInContext(suite.browser, suite.url, "reviewer");
    const page = await context.newPage();
    await page.goto(`${suite.url}/evidence`);
    const tab = page.getByTestId("evidence-tab-coverage");
    await tab.focus();
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: "Evidence coverage" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/reports/1/evidence/coverage");
    expect(await tab.getAttribute("aria-current")).toBe("page");

    const { submissions } = coverage;
    expect(await page.getByTestId("coverage-summary").textContent()).toBe(
      `The report cites 3 of ${submissions.total} submissions (${Math.round((3 / submissions.total) * 100)} %).`,
    );
    const cell = (table: string, kind: "total" | "cited", key: string) =>
      page.getByTestId(`${table}-${kind}-${key}`).textContent();
    for (const [id, count] of Object.entries(submissions.byQuestion)) {
      expect(await cell("coverage-question", "total", id)).toBe(String(count.answered));
      expect(await cell("coverage-question", "cited", id)).toBe(String(count.cited));
    }
    for (const [key, count] of Object.entries(submissions.byGroup)) {
      expect(await cell("coverage-group", "total", key)).toBe(String(count.total));
      expect(await cell("coverage-group", "cited", key)).toBe(String(count.cited));
    }
    for (const [key, count] of Object.entries(submissions.byRegion)) {
      expect(await cell("coverage-region", "total", key)).toBe(String(count.total));
      expect(await cell("coverage-region", "cited", key)).toBe(String(count.cited));
    }
    expect(Object.values(submissions.byGroup).reduce((sum, c) => sum + c.cited, 0)).toBe(3);
    // Each bar carries its figures as text.
    const government = page.getByTestId("coverage-group-row-government");
    const gov = submissions.byGroup.government!;
    await expect
      .poll(() => government.textContent())
      .toContain(`${Math.round((gov.cited / gov.total) * 100)} % (${gov.cited} of ${gov.total})`);

    const section = page.getByTestId(`coverage-section-${report.sections[0]!.id}`);
    await section.getByRole("heading", { name: report.sections[0]!.title }).waitFor();
    const first = await callApi(suite.url, cookie, "GET", `/evidence/${cited[0]}`);
    expect(first.status).toBe(200);
    const link = section.getByTestId(`coverage-source-${cited[0]}`);
    await expect.poll(() => link.textContent()).toBe(first.body.title);
    expect(await link.getAttribute("href")).toBe(`/reports/1/evidence/${cited[0]}`);
    expect(await section.getByRole("link").count()).toBe(3);

    const uncited = page.getByTestId("coverage-uncited");
    expect(await uncited.getByRole("link").count()).toBe(coverage.uncited.length);
    expect(await page.getByTestId("coverage-uncited-more").textContent()).toBe(
      `${coverage.uncitedTotal - coverage.uncited.length} more`,
    );
    expect(await axeViolations(page)).toEqual([]);

    await link.click();
    await page.waitForURL(`${suite.url}/reports/1/evidence/${cited[0]}`);
    await context.close();
  });
});
