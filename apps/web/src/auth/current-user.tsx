import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, ReactNode, useContext, useEffect, useState } from 'react';
import type { StaffRole } from '@hearth/domain';
import { api, session } from '../api/client';
import type { AccessTokenDto, StaffView } from '../api/types';
import { Loading } from '../components/status';

interface CurrentUser {
  me: StaffView | null;
  has(...roles: StaffRole[]): boolean;
  signIn(username: string, password: string): Promise<void>;
  signOut(): void;
}

const CurrentUserContext = createContext<CurrentUser | null>(null);

/** Who is signed in, read from `GET /me` (roles and team as they are now, not as when the token was issued). */
export function CurrentUserProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [token, setToken] = useState(session.token);
  const me = useQuery({ queryKey: ['me', token], queryFn: () => api<StaffView>('/me'), enabled: token !== null, retry: false });

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
  };
  return <CurrentUserContext.Provider value={value}>{children}</CurrentUserContext.Provider>;
}

export function useCurrentUser(): CurrentUser {
  const user = useContext(CurrentUserContext);
  if (!user) throw new Error('useCurrentUser outside CurrentUserProvider');
  return user;
}
