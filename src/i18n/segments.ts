// The names of the RFM segments (src/engine/accounts/segments.ts SegmentId) as the functions and the
// reports write them, en and zh-CN. The engine works with the ids only.

import { SegmentId } from "../engine/accounts/segments";

export const SEGMENT_NAMES: Record<SegmentId, { en: string; zh: string }> = {
  champions: { en: "Champions", zh: "冠军客户" },
  loyal: { en: "Loyal", zh: "忠诚客户" },
  potential_loyalist: { en: "Potential loyalist", zh: "潜在忠诚客户" },
  new: { en: "New", zh: "新客户" },
  promising: { en: "Promising", zh: "有潜力客户" },
  needs_attention: { en: "Needs attention", zh: "需要关注客户" },
  about_to_sleep: { en: "About to sleep", zh: "即将沉睡客户" },
  at_risk: { en: "At risk", zh: "流失风险客户" },
  cant_lose: { en: "Can't lose", zh: "不能失去的客户" },
  hibernating: { en: "Hibernating", zh: "休眠客户" },
  lost: { en: "Lost", zh: "已流失客户" },
};
