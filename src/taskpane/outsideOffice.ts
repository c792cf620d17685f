// What the task pane page shows when it is opened outside Office (a browser pointed at
// https://localhost:3000/taskpane.html): it runs inside Excel, and how to load it there. Plain DOM
// (textContent only), so it works without Office.js, React or the add-in's other code.

import { Language } from "../i18n/strings";

/* global document, HTMLElement */

/** Why the page is not in Office: Office.js did not load at all, or it loaded but found no host. */
export type OutsideReason = "no-office-js" | "no-host";

interface OutsideText {
  title: string;
  intro: string;
  steps: string[];
  noOfficeJs: string;
  more: string;
}

export const OUTSIDE_TEXT: Record<Language, OutsideText> = {
  "en-US": {
    title: "KAM Analytics runs inside Excel",
    intro:
      "This page is the add-in's task pane and the host of its KAM.* functions. Excel loads it; " +
      "opened on its own in a browser it has nothing to work on. To use it:",
    steps: [
      "Excel on the web (also on Linux): keep `npm start` running, open a workbook at office.com, " +
        "choose Home › Add-ins › More Add-ins › My Add-ins › Upload My Add-in and upload manifest.xml.",
      "Excel on Windows or macOS: `npm start` opens Excel with the add-in sideloaded.",
      "Then open it from Home › Open KAM Analytics, or type =KAM. in a cell.",
    ],
    noOfficeJs:
      "Office.js (https://appsforoffice.microsoft.com/lib/1/hosted/office.js) did not load: " +
      "inside Excel it needs that address to be reachable.",
    more: "Step by step: README.md, section Sideloading.",
  },
  "zh-CN": {
    title: "大客户分析需要在 Excel 中运行",
    intro:
      "此页面是加载项的任务窗格,也承载 KAM.* 函数,由 Excel 加载;在浏览器中单独打开时无可处理的数据。使用方法:",
    steps: [
      "Excel 网页版(Linux 也适用):保持 `npm start` 运行,在 office.com 打开工作簿," +
        "选择“开始 › 加载项 › 更多加载项 › 我的加载项 › 上传我的加载项”,上传 manifest.xml。",
      "Windows 或 macOS 版 Excel:`npm start` 会打开 Excel 并旁加载此加载项。",
      "之后从“开始 › 打开大客户分析”打开,或在单元格中输入 =KAM.。",
    ],
    noOfficeJs:
      "Office.js(https://appsforoffice.microsoft.com/lib/1/hosted/office.js)未能加载:" +
      "在 Excel 中使用时需要能访问该地址。",
    more: "详细步骤见 README.md 的 Sideloading 一节。",
  },
};

function element(tag: string, text?: string): HTMLElement {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Replaces the container's content with the explanation, in `language`. */
export function showOutsideOffice(
  container: HTMLElement,
  language: Language,
  reason: OutsideReason
): void {
  const t = OUTSIDE_TEXT[language];
  const box = element("div");
  box.className = "kam-outside";
  box.setAttribute("role", "alert");
  box.appendChild(element("h1", t.title));
  box.appendChild(element("p", t.intro));
  const list = element("ol");
  for (const step of t.steps) list.appendChild(element("li", step));
  box.appendChild(list);
  if (reason === "no-office-js") box.appendChild(element("p", t.noOfficeJs));
  box.appendChild(element("p", t.more));
  container.replaceChildren(box);
}
