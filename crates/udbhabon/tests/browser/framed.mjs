// Frames pages of a running udbhabon from a page of another origin, as an office's website would.
// Usage: node framed.mjs BASE_URL PATH... ; prints a JSON object: each path → the heading the frame
// shows, or null when the browser refused to show the page in a frame.
import { createServer } from "node:http";
import { chromium } from "playwright-core";

const [base, ...paths] = process.argv.slice(2);

// The office's website: another origin on this machine (a public site may not frame a local one).
const website = createServer((request, response) => {
  const path = new URL(request.url, "http://website").searchParams.get("path");
  response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
  response.end(`<!DOCTYPE html><title>office</title><iframe src="${base}${path}" title="framed"></iframe>`);
});
await new Promise((listening) => website.listen(0, "127.0.0.1", listening));
const websiteUrl = `http://127.0.0.1:${website.address().port}/`;

const browser = await chromium.launch({
  executablePath: process.env.UDBHABON_CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic"],
});
const shown = {};
try {
  const page = await (await browser.newContext()).newPage();
  for (const path of paths) {
    await page.goto(`${websiteUrl}?path=${encodeURIComponent(path)}`, { waitUntil: "load" });
    const frame = page.frames().find((candidate) => candidate !== page.mainFrame());
    // A refused frame shows the browser's error page, which has no heading of ours.
    shown[path] = frame.url().startsWith(base)
      ? await frame.evaluate(() => document.querySelector("h1")?.textContent.trim() ?? null)
      : null;
  }
} finally {
  await browser.close();
  website.close();
}
process.stdout.write(JSON.stringify(shown));
