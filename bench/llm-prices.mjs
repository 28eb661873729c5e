// DeepSeek's list prices for deepseek-chat, USD per million tokens, as published on its pricing page
// (https://api-docs.deepseek.com/quick_start/pricing) with the price change of 2025-09-29. Check the
// page before quoting these figures: prices move.
export const DEEPSEEK_PRICES = {
  asOf: "2025-09-29",
  model: "deepseek-chat",
  inputCacheHitPerMillion: 0.028,
  inputCacheMissPerMillion: 0.28,
  outputPerMillion: 0.42,
};

/** USD per 1,000 lines from tokens per row; `cachedPerRow` prompt tokens billed at the cache-hit rate. */
export function costPer1000Lines({ promptPerRow, cachedPerRow = 0, completionPerRow }, prices = DEEPSEEK_PRICES) {
  const perRow =
    cachedPerRow * prices.inputCacheHitPerMillion +
    (promptPerRow - cachedPerRow) * prices.inputCacheMissPerMillion +
    completionPerRow * prices.outputPerMillion;
  return (perRow * 1000) / 1e6;
}
