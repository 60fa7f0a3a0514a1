import { ApiProblem } from '@/lib/api/problem';
import { deleteSubscription, fetchPushKey, saveSubscription, type PushSubscriptionBody } from '@/lib/queries/notifications';

/** The service worker that shows pushed notifications and opens their link (public/sw.js). */
export const SERVICE_WORKER_URL = '/sw.js';

export type PushState = 'unsupported' | 'denied' | 'off' | 'on';

function supported(): boolean {
  return (
    typeof window !== 'undefined' &&
    'serviceWorker' in navigator &&
    'PushManager' in window &&
    'Notification' in window
  );
}

/** The VAPID key as the browser wants it: base64url (RFC 4648 §5) without padding, as bytes. */
export function base64UrlToBytes(text: string): Uint8Array<ArrayBuffer> {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(text.length / 4) * 4, '=');
  const binary = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

async function registration(): Promise<ServiceWorkerRegistration | undefined> {
  return navigator.serviceWorker.getRegistration(SERVICE_WORKER_URL);
}

/** Whether this browser can get pushes, was refused them, or has a subscription now. */
export async function pushState(): Promise<PushState> {
  if (!supported()) return 'unsupported';
  if (Notification.permission === 'denied') return 'denied';
  const existing = await (await registration())?.pushManager.getSubscription();
  return existing && Notification.permission === 'granted' ? 'on' : 'off';
}

/**
 * Asks the person's permission, subscribes this browser with the platform's VAPID key and hands the
 * subscription to notification-service. Permission is asked first: browsers want it asked from a click.
 */
export async function enablePush(): Promise<PushState> {
  if (!supported()) return 'unsupported';
  const permission = await Notification.requestPermission();
  if (permission === 'denied') return 'denied';
  if (permission !== 'granted') return 'off';
  const key = await fetchPushKey();
  const worker = await navigator.serviceWorker.register(SERVICE_WORKER_URL, { scope: '/' });
  await navigator.serviceWorker.ready;
  let subscription = await worker.pushManager.getSubscription();
  const wanted = base64UrlToBytes(key);
  // A subscription made with another key (the platform's key rotated) cannot receive: start again.
  if (subscription && !sameKey(subscription.options.applicationServerKey, wanted)) {
    await subscription.unsubscribe();
    subscription = null;
  }
  subscription ??= await worker.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: wanted });
  try {
    await saveSubscription(subscription.toJSON() as PushSubscriptionBody);
  } catch (error) {
    // The platform did not take it: a subscription nobody will push to is only a leak in the browser.
    await subscription.unsubscribe().catch(() => undefined);
    throw error;
  }
  return 'on';
}

/** Forgets this browser at the platform, then in the browser. */
export async function disablePush(): Promise<PushState> {
  if (!supported()) return 'unsupported';
  const subscription = await (await registration())?.pushManager.getSubscription();
  if (subscription) {
    await deleteSubscription(subscription.endpoint);
    await subscription.unsubscribe();
  }
  return Notification.permission === 'denied' ? 'denied' : 'off';
}

function sameKey(current: ArrayBuffer | null, wanted: Uint8Array): boolean {
  if (!current) return false;
  const bytes = new Uint8Array(current);
  return bytes.length === wanted.length && bytes.every((b, i) => b === wanted[i]);
}

export function pushProblem(error: unknown): ApiProblem | Error {
  if (error instanceof ApiProblem) return error;
  // A refusal by the browser itself (no push service reachable, a blocked key): its own words are the best.
  return new ApiProblem(0, { code: 'push.browser_refused' },
    `This browser could not subscribe to push notifications${error instanceof Error && error.message ? `: ${error.message}` : ''}`);
}
