'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { refreshSession } from '@/lib/api/client';
import { notificationKeys, type Notification } from '@/lib/queries/notifications';

export const STREAM_PATH = '/api/v1/notifications/stream';

/** The longest wait before opening the stream again after the platform closed it for good. */
const MAX_BACKOFF_MS = 30_000;

/**
 * Keeps the unread count and the inbox current over notification-service's server-sent events. While the
 * connection drops and comes back, the browser itself reconnects and sends Last-Event-ID, so the service
 * resends what was missed. A refusal (the access cookie expired: 401) closes an EventSource for good; the
 * session is then renewed and the stream opened again, resuming from the last id seen (`lastEventId`).
 */
export function useNotificationStream(onNotification?: (notification: Notification) => void) {
  const client = useQueryClient();
  const listener = useRef(onNotification);
  useEffect(() => {
    listener.current = onNotification;
  }, [onNotification]);

  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    let source: EventSource | null = null;
    let lastId = '';
    let failures = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;

    const open = () => {
      source = new EventSource(lastId ? `${STREAM_PATH}?lastEventId=${encodeURIComponent(lastId)}` : STREAM_PATH, {
        withCredentials: true,
      });
      source.addEventListener('unread-count', (event) => {
        failures = 0;
        const unread = Number((JSON.parse((event as MessageEvent<string>).data) as { unread?: number }).unread);
        if (Number.isFinite(unread)) client.setQueryData(notificationKeys.unread, unread);
      });
      source.addEventListener('notification', (event) => {
        const message = event as MessageEvent<string>;
        if (message.lastEventId) lastId = message.lastEventId;
        void client.invalidateQueries({ queryKey: [...notificationKeys.all, 'list'] });
        listener.current?.(JSON.parse(message.data) as Notification);
      });
      source.onerror = () => {
        if (!source || source.readyState !== EventSource.CLOSED || stopped) return;
        source.close();
        failures += 1;
        timer = setTimeout(
          async () => {
            await refreshSession();
            if (!stopped) open();
          },
          Math.min(MAX_BACKOFF_MS, 1_000 * 2 ** (failures - 1)),
        );
      };
    };

    open();
    return () => {
      stopped = true;
      clearTimeout(timer);
      source?.close();
    };
  }, [client]);
}
