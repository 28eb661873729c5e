/** An email ready for the `send_email` binding: who it goes to and what it says. */
export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
  /** Names the email in logs (never its body: bodies carry one-time links). */
  kind: string;
}

/** Queue message: an email whose first send failed, retried by the jobs queue's consumer. */
export interface EmailQueueMessage {
  type: "email";
  email: OutgoingEmail;
  userId: string | null;
}
