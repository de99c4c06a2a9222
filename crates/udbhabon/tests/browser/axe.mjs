// Checks pages of a running udbhabon in headless Chromium: axe-core's rules, and that nothing is wider than
// the phone. Usage: node axe.mjs BASE_URL PATH... ; prints one JSON array of problems on stdout. With
// UDBHABON_SCREENSHOTS set to a folder, keeps a full-page screenshot of each page in each language; with
// UDBHABON_SESSION set to a session cookie's value, reads the pages signed in.
import { join } from "node:path";
import { chromium } from "playwright-core";
import { AxeBuilder } from "@axe-core/playwright";

const [base, ...paths] = process.argv.slice(2);
const PHONE = { width: 360, height: 780 };
// Only what stops or seriously hinders a reader fails the test; axe's "moderate" and "minor" are advice.
const BLOCKING = new Set(["serious", "critical"]);

const browser = await chromium.launch({
  executablePath: process.env.UDBHABON_CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic"],
});
const shots = process.env.UDBHABON_SCREENSHOTS;
const problems = [];
try {
  for (const lang of ["bn", "en"]) {
    const context = await browser.newContext({ viewport: PHONE, javaScriptEnabled: true });
    await context.addCookies([{ name: "lang", value: lang, url: base }]);
    if (process.env.UDBHABON_SESSION) {
      await context.addCookies([{ name: "udbhabon_session", value: process.env.UDBHABON_SESSION, url: base }]);
    }
    const page = await context.newPage();
    for (const path of paths) {
      const response = await page.goto(base + path);
      if (!response || !response.ok()) {
        problems.push({ path, lang, rule: "http", help: `status ${response && response.status()}` });
        continue;
      }
      const results = await new AxeBuilder({ page }).analyze();
      for (const violation of results.violations.filter((v) => BLOCKING.has(v.impact))) {
        problems.push({
          path,
          lang,
          rule: violation.id,
          help: violation.help,
          nodes: violation.nodes.slice(0, 3).map((node) => node.target.join(" ")),
        });
      }
      if (shots) {
        const who = process.env.UDBHABON_SESSION ? "signed-in-" : "";
        const name = who + (path.replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "") || "home");
        await page.screenshot({ path: join(shots, `axe-${name}-${lang}.png`), fullPage: true });
      }
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > PHONE.width) {
        problems.push({ path, lang, rule: "phone-width", help: `the page is ${width}px wide` });
      }
    }
    await context.close();
  }
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(problems, null, 1));
