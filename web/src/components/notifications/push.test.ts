import { base64UrlToBytes, disablePush, enablePush, pushState } from './push';

const KEY = 'BEl62iUYgUivxIkv69yViEuiBIa-Ib9-SkvMeAtA3LFgDzkrxZJjSgSnfckjBJuBkr3qBUYIHBQFLXYp5Nksh8U';

interface Sent {
  method: string;
  path: string;
  body: unknown;
}

function stubPlatform(answer: (sent: Sent) => Response) {
  const sent: Sent[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL) => {
      const request = input as Request;
      const text = await request.text();
      const call = { method: request.method, path: new URL(request.url).pathname, body: text ? JSON.parse(text) : undefined };
      sent.push(call);
      return answer(call);
    }),
  );
  return sent;
}

/** The browser's side of push, as Chromium offers it: permission, service worker, push manager. */
function stubBrowser(permission: NotificationPermission, existing: Partial<PushSubscription> | null = null) {
  const subscription = {
    endpoint: 'https://push.example.net/send/abc',
    options: { applicationServerKey: base64UrlToBytes(KEY).buffer },
    toJSON: () => ({ endpoint: 'https://push.example.net/send/abc', expirationTime: null, keys: { p256dh: 'p-key', auth: 'a-key' } }),
    unsubscribe: vi.fn(async () => true),
  };
  let current: unknown = existing;
  const pushManager = {
    getSubscription: vi.fn(async () => current),
    subscribe: vi.fn(async () => {
      current = subscription;
      return subscription;
    }),
  };
  const registration = { pushManager };
  const serviceWorker = {
    register: vi.fn(async () => registration),
    getRegistration: vi.fn(async () => registration),
    ready: Promise.resolve(registration),
  };
  Object.defineProperty(navigator, 'serviceWorker', { value: serviceWorker, configurable: true });
  vi.stubGlobal('PushManager', class {});
  vi.stubGlobal('Notification', { permission, requestPermission: vi.fn(async () => permission) });
  return { subscription, pushManager, serviceWorker };
}

describe('push in this browser', () => {
  it('reads the VAPID key as base64url bytes: an uncompressed P-256 point', () => {
    const bytes = base64UrlToBytes(KEY);
    expect(bytes).toHaveLength(65);
    expect(bytes[0]).toBe(0x04);
  });

  it('subscribes with the platform key and hands the subscription JSON to the platform', async () => {
    const browser = stubBrowser('granted');
    const sent = stubPlatform((call) =>
      call.path.endsWith('/push/key') ? Response.json({ publicKey: KEY }) : new Response(null, { status: 201 }),
    );
    await expect(enablePush()).resolves.toBe('on');

    expect(browser.serviceWorker.register).toHaveBeenCalledWith('/sw.js', { scope: '/' });
    const options = browser.pushManager.subscribe.mock.calls[0] as unknown as [PushSubscriptionOptionsInit];
    expect(options[0].userVisibleOnly).toBe(true);
    expect(Array.from(options[0].applicationServerKey as Uint8Array)).toEqual(Array.from(base64UrlToBytes(KEY)));
    expect(sent.map((s) => `${s.method} ${s.path}`)).toEqual([
      'GET /api/v1/notifications/push/key',
      'POST /api/v1/notifications/push/subscriptions',
    ]);
    expect(sent[1]!.body).toEqual({
      endpoint: 'https://push.example.net/send/abc',
      expirationTime: null,
      keys: { p256dh: 'p-key', auth: 'a-key' },
    });
    await expect(pushState()).resolves.toBe('on');
  });

  it('drops the browser subscription when the platform refuses it, and says why', async () => {
    const browser = stubBrowser('granted');
    stubPlatform((call) =>
      call.path.endsWith('/push/key')
        ? Response.json({ publicKey: KEY })
        : Response.json({ status: 400, code: 'request.invalid', detail: 'The subscription is not valid' }, { status: 400 }),
    );
    await expect(enablePush()).rejects.toMatchObject({ status: 400, detail: 'The subscription is not valid.' });
    expect(browser.subscription.unsubscribe).toHaveBeenCalled();
  });

  it('asks nothing of the platform when the person refuses permission', async () => {
    stubBrowser('denied');
    const sent = stubPlatform(() => Response.json({}));
    await expect(enablePush()).resolves.toBe('denied');
    expect(sent).toHaveLength(0);
  });

  it('forgets the endpoint at the platform, then in the browser', async () => {
    const browser = stubBrowser('granted');
    await (await navigator.serviceWorker.getRegistration())!.pushManager.subscribe();
    const sent = stubPlatform(() => new Response(null, { status: 204 }));
    await expect(disablePush()).resolves.toBe('off');
    expect(sent).toEqual([
      { method: 'DELETE', path: '/api/v1/notifications/push/subscriptions', body: { endpoint: 'https://push.example.net/send/abc' } },
    ]);
    expect(browser.subscription.unsubscribe).toHaveBeenCalled();
  });
});
