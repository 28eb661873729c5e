/**
 * Called after credits are granted to a user (Stripe purchase, renewal, admin grant), so jobs paused
 * because their budget or the balance ran out can resume by themselves. Filled in by the jobs issue.
 */
export async function onCreditsGranted(env: Env, userId: string): Promise<void> {
  void env;
  void userId;
}
