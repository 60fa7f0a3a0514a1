import { expect, type APIRequestContext } from '@playwright/test';

/** The local mail catcher that `./platform up` starts: every mail the platform sent, as JSON. */
export const MAIL_CATCHER_URL = process.env.NAL_MAIL_URL ?? 'http://127.0.0.1:8025';

interface CaughtMail {
  id: number;
  to: string[];
  subject: string;
  text: string | null;
  html: string | null;
}

/**
 * The newest link to `path` (such as /verify-email) in a mail to `recipient`, waiting for the mail to arrive:
 * the platform sends it after the sign-up's transaction, through an event.
 */
export async function linkMailedTo(request: APIRequestContext, recipient: string, path: string): Promise<URL> {
  let link: string | undefined;
  await expect
    .poll(
      async () => {
        const response = await request.get(`${MAIL_CATCHER_URL}/api/messages`);
        expect(response.ok(), `the mail catcher at ${MAIL_CATCHER_URL} answers`).toBeTruthy();
        const mails = (await response.json()) as CaughtMail[];
        link = undefined;
        for (const mail of mails) {
          if (!mail.to.some((to) => to.includes(recipient))) continue;
          const found = (mail.text ?? mail.html ?? '').match(new RegExp(`https?://[^\\s"'<>]+${path}\\?[^\\s"'<>]+`));
          if (found) link = found[0].replace(/&amp;/g, '&');
        }
        return link;
      },
      { message: `a mail to ${recipient} with a link to ${path}`, timeout: 90_000, intervals: [500, 1000, 2000] },
    )
    .toBeTruthy();
  return new URL(link!);
}
