/** The user's CreditLedger (one per user): the only writer of that user's credits (ADR 006). */
export const ledgerFor = (env: Env, userId: string) => env.CREDIT_LEDGER.get(env.CREDIT_LEDGER.idFromName(userId));
