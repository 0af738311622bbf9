import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Account, DemoMember, Me, type ChangePasswordBody, type SignInBody, type SignUpBody } from '@counterpoint/shared';
import { z } from 'zod';
import { request } from './http';

export const authKeys = {
  all: ['auth'] as const,
  me: () => [...authKeys.all, 'me'] as const,
  demoMembers: () => [...authKeys.all, 'demo-members'] as const,
};

const fetchMe = () => request('GET', '/api/auth/me', Me);

/** Who is signed in (account null for a visitor) and whether demo sign-in is offered. */
export function useMe() {
  return useQuery({ queryKey: authKeys.me(), queryFn: fetchMe, staleTime: 60_000 });
}

export function useDemoMembers(enabled: boolean) {
  return useQuery({
    queryKey: authKeys.demoMembers(),
    queryFn: () => request('GET', '/api/auth/demo-members', z.array(DemoMember)),
    enabled,
  });
}

/** After signing in or out everything cached belonged to someone else: start over. */
function useSessionChange<T>(call: (input: T) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: async () => {
      client.removeQueries({ predicate: (query) => query.queryKey[0] !== 'auth' });
      await client.invalidateQueries({ queryKey: authKeys.me() });
    },
  });
}

export const useSignIn = () => useSessionChange((body: SignInBody) => request('POST', '/api/auth/signin', Account, body));
export const useSignUp = () => useSessionChange((body: SignUpBody) => request('POST', '/api/auth/signup', Account, body));
export const useDemoSignIn = () =>
  useSessionChange((userId: string) => request('POST', '/api/auth/demo-signin', Account, { userId }));
export const useSignOut = () => useSessionChange(() => request('POST', '/api/auth/signout', null));
export const useChangePassword = () =>
  useMutation({ mutationFn: (body: ChangePasswordBody) => request('POST', '/api/auth/password', null, body) });
