import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, ReactNode, useContext, useEffect, useState } from 'react';
import type { StaffRole } from '@hearth/domain';
import { api, session } from '../api/client';
import type { AccessTokenDto, MeView } from '../api/types';
import { useI18n } from '../i18n/i18n';
import type { StaffPreferences } from '@hearth/domain';
import { Loading } from '../components/status';

interface CurrentUser {
  me: MeView | null;
  has(...roles: StaffRole[]): boolean;
  signIn(username: string, password: string): Promise<void>;
  signOut(): void;
  /** Keeps a display choice with the account (and in this browser). */
  choose(change: Partial<StaffPreferences>): void;
}

const CurrentUserContext = createContext<CurrentUser | null>(null);

/** Who is signed in, read from `GET /me` (roles and team as they are now, not as when the token was issued). */
export function CurrentUserProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [token, setToken] = useState(session.token);
  const me = useQuery({ queryKey: ['me', token], queryFn: () => api<MeView>('/me'), enabled: token !== null, retry: false });
  const { preferences, setPreferences } = useI18n();
  const saved = me.data?.preferences;

  // The account's choices win over this browser's once signed in.
  useEffect(() => {
    if (saved) setPreferences(saved);
  }, [saved, setPreferences]);

  useEffect(() => {
    const signedOut = () => {
      setToken(null);
      queryClient.clear();
    };
    window.addEventListener('hearth:signed-out', signedOut);
    return () => window.removeEventListener('hearth:signed-out', signedOut);
  }, [queryClient]);

  if (token && me.isPending) return <Loading />;
  const user = token ? (me.data ?? null) : null;
  const value: CurrentUser = {
    me: user,
    has: (...roles) => roles.some((role) => user?.roles.includes(role)),
    async signIn(username, password) {
      const { accessToken } = await api<AccessTokenDto>('/auth/login', { method: 'POST', body: { username, password } });
      session.start(accessToken);
      setToken(accessToken);
    },
    signOut() {
      session.end();
    },
    choose(change) {
      setPreferences(change);
      if (!user) return;
      const chosen = { ...preferences, ...change };
      // The cached account follows at once: a language change re-mounts the app, which re-applies it.
      queryClient.setQueryData<MeView>(['me', token], { ...user, preferences: chosen });
      void api('/me/preferences', { method: 'PUT', body: chosen }).catch(() => undefined);
    },
  };
  return <CurrentUserContext.Provider value={value}>{children}</CurrentUserContext.Provider>;
}

export function useCurrentUser(): CurrentUser {
  const user = useContext(CurrentUserContext);
  if (!user) throw new Error('useCurrentUser outside CurrentUserProvider');
  return user;
}
