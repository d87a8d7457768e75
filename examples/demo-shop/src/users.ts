/** The shop's fake accounts: the demo has no login, a cookie says who is "signed in". */
export interface DemoUser {
  id: string;
  name: string;
  plan: 'free' | 'pro';
}

export const DEMO_USERS: readonly DemoUser[] = [
  { id: 'u_1042', name: 'Maya', plan: 'pro' },
  { id: 'u_2077', name: 'Jonas', plan: 'free' },
  { id: 'u_3110', name: 'Kim', plan: 'pro' },
  { id: 'u_4203', name: 'Priya', plan: 'free' },
  { id: 'u_5318', name: 'Tomás', plan: 'free' },
  { id: 'u_6421', name: 'Aiko', plan: 'pro' },
];

export const USER_COOKIE = 'demo_user';

/** The user a cookie names, or undefined for a missing or unknown id. */
export function findDemoUser(id: string | undefined): DemoUser | undefined {
  return DEMO_USERS.find((user) => user.id === id);
}

export function pickRandomUser(): DemoUser {
  return DEMO_USERS[Math.floor(Math.random() * DEMO_USERS.length)] as DemoUser;
}
