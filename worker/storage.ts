/**
 * R2 layout: everything of a user lives under `users/<userId>/`, so deleting an account deletes one
 * prefix. Uploads and jobs put their objects under these folders.
 */
export const userPrefix = (userId: string) => `users/${userId}/`;
export const uploadPrefix = (userId: string, uploadId: string) => `${userPrefix(userId)}uploads/${uploadId}/`;
export const jobPrefix = (userId: string, jobId: string) => `${userPrefix(userId)}jobs/${jobId}/`;

/** Deletes every object under a prefix, a page of 1,000 at a time. */
export async function deletePrefix(bucket: R2Bucket, prefix: string): Promise<number> {
  let deleted = 0;
  let cursor: string | undefined;
  do {
    const page = await bucket.list({ prefix, cursor, limit: 1000 });
    if (page.objects.length > 0) {
      await bucket.delete(page.objects.map((object) => object.key));
      deleted += page.objects.length;
    }
    cursor = page.truncated ? page.cursor : undefined;
  } while (cursor);
  return deleted;
}
