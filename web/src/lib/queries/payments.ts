'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, rawFetch, unwrap } from '@/lib/api/client';
import type { paymentComponents } from '@/lib/api/generated';
import { toProblem } from '@/lib/api/problem';

type Schemas = paymentComponents['schemas'];

/**
 * An amount as the platform sends it. springdoc documents payment-service's `Money.currency` as Java's
 * Currency object, but it is serialised as its ISO code; this is the shape on the wire.
 */
export interface Money {
  amountMinor: number;
  currency: string;
}

export type ShareRole = NonNullable<Schemas['ShareRequest']['role']>;
export type SplitRequest = Schemas['SplitRequest'];
export type Share = Omit<Schemas['ShareResponse'], 'email'> & { email?: string | null };
export type Split = Omit<Schemas['SplitResponse'], 'shares' | 'recoupment'> & {
  shares?: Share[];
  recoupment?: { email?: string | null; amount?: Money; recouped?: Money } | null;
};
export type Invitation = Omit<Schemas['InvitationResponse'], 'held'> & { held?: Money[] };
export type PayoutAccount = Schemas['AccountResponse'];
export type Payout = Omit<Schemas['PayoutResponse'], 'amount' | 'reversed'> & { amount?: Money; reversed?: Money | null };
export interface CurrencyBalance {
  currency: string;
  available: Money;
  reserved: Money;
}

/** GET /api/v1/payments/statements: its OpenAPI document names no schema, so the shape is written here. */
export interface Statement {
  period: string;
  lines: StatementLine[];
  payouts: { payoutId: string; amount: Money; status: string }[];
  totals: { currency: string; gross: Money; fee: Money; shares: Money; held: Money; paid: Money }[];
}

export interface StatementLine {
  trackId: string | null;
  trackTitle: string | null;
  store: string;
  gross: Money;
  fee: Money;
  payees: { payee: string; you: boolean; share: Money; held: Money }[];
}

export const SHARE_ROLES: readonly ShareRole[] = [
  'MAIN_ARTIST',
  'FEATURED_ARTIST',
  'PRODUCER',
  'SONGWRITER',
  'COMPOSER',
  'LYRICIST',
  'MIXING_ENGINEER',
  'MASTERING_ENGINEER',
  'REMIXER',
  'PUBLISHER',
  'MANAGER',
  'LABEL',
  'OTHER',
];

/** The code payment-service answers every payout endpoint with while Stripe's keys are not set. */
export const PAYOUTS_NOT_CONFIGURED = 'payouts.not_configured';

export const paymentKeys = {
  all: ['payments'] as const,
  balance: ['payments', 'balance'] as const,
  statement: (period: string) => ['payments', 'statement', period] as const,
  split: (trackId: string) => ['payments', 'split', trackId] as const,
  invitation: (token: string) => ['payments', 'invitation', token] as const,
  account: ['payments', 'payout-account'] as const,
  payouts: (page: number) => ['payments', 'payouts', page] as const,
};

/** A 503 for payouts will be a 503 again until an operator sets the keys: asking twice only delays the sentence. */
const noRetryWhenNotConfigured = (failures: number, error: unknown) =>
  failures < 2 && toProblem(error).status >= 500 && toProblem(error).code !== PAYOUTS_NOT_CONFIGURED;

export function useBalance() {
  return useQuery({
    queryKey: paymentKeys.balance,
    queryFn: async () => {
      const data = await unwrap(api.GET('/api/v1/payments/balance'));
      return (data.balances ?? []) as unknown as CurrencyBalance[];
    },
  });
}

export function useStatement(period: string) {
  return useQuery({
    queryKey: paymentKeys.statement(period),
    queryFn: async () =>
      (await unwrap(api.GET('/api/v1/payments/statements', { params: { query: { period } } }))) as unknown as Statement,
    enabled: /^\d{4}-\d{2}$/.test(period),
  });
}

/** The statement as CSV (RFC 4180), as the service writes it, with the file name it gives it. */
export async function downloadStatementCsv(period: string): Promise<{ name: string; blob: Blob }> {
  const response = await rawFetch(`/api/v1/payments/statements?period=${encodeURIComponent(period)}`, {
    headers: { Accept: 'text/csv' },
  });
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const name = disposition.match(/filename="?([^";]+)"?/)?.[1] ?? `statement-${period}.csv`;
  return { name, blob: await response.blob() };
}

export function useSplit(trackId: string) {
  return useQuery({
    queryKey: paymentKeys.split(trackId),
    queryFn: async () =>
      (await unwrap(api.GET('/api/v1/payments/splits/{trackId}', { params: { path: { trackId } } }))) as Split,
  });
}

export function useSaveSplit(trackId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body: SplitRequest) =>
      (await unwrap(api.PUT('/api/v1/payments/splits/{trackId}', { params: { path: { trackId } }, body }))) as Split,
    onSuccess: (saved) => client.setQueryData(paymentKeys.split(trackId), saved),
  });
}

export function useInvitation(token: string, enabled: boolean) {
  return useQuery({
    queryKey: paymentKeys.invitation(token),
    queryFn: async () =>
      (await unwrap(
        api.GET('/api/v1/payments/splits/invitations/{token}', { params: { path: { token } } }),
      )) as Invitation,
    enabled,
  });
}

export function useAcceptInvitation(token: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async () =>
      (await unwrap(
        api.POST('/api/v1/payments/splits/invitations/{token}/accept', { params: { path: { token } } }),
      )) as Invitation,
    onSuccess: (accepted) => {
      client.setQueryData(paymentKeys.invitation(token), accepted);
      void client.invalidateQueries({ queryKey: paymentKeys.balance });
    },
  });
}

export function usePayoutAccount() {
  return useQuery({
    queryKey: paymentKeys.account,
    queryFn: () => unwrap(api.GET('/api/v1/payouts/account')),
    retry: noRetryWhenNotConfigured,
  });
}

/** Creates the connected account once (or asks for a fresh link) and answers Stripe's onboarding link. */
export function useStartOnboarding() {
  return useMutation({ mutationFn: () => unwrap(api.POST('/api/v1/payouts/account')) });
}

export function usePayouts(page: number) {
  return useQuery({
    queryKey: paymentKeys.payouts(page),
    queryFn: async () => {
      const data = await unwrap(api.GET('/api/v1/payouts', { params: { query: { page, size: 20 } } }));
      return { ...data, items: (data.items ?? []) as unknown as Payout[] };
    },
    retry: noRetryWhenNotConfigured,
  });
}

export function useRequestPayout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (amount: Money) =>
      (await unwrap(api.POST('/api/v1/payouts', { body: { amount, currency: amount.currency } }))) as unknown as Payout,
    onSettled: () => void client.invalidateQueries({ queryKey: paymentKeys.all }),
  });
}
