import { createPinia } from 'pinia';
import { createApp } from 'vue';
import { api } from './api';
import App from './App.vue';
import './charts/echarts';
import { router } from './router';
import { useSessionStore } from './stores/session.store';
import './styles/base.css';

const pinia = createPinia();
const app = createApp(App).use(pinia).use(router);

// A session that expires or a key that is revoked while on screen sends the window back to sign-in.
api.onAuthLost(() => {
  const session = useSessionStore(pinia);
  if (!session.me) return; // still signing in: the route guard handles it
  session.forget();
  const current = router.currentRoute.value;
  if (!current.meta.public) void router.replace({ path: '/login', query: { redirect: current.fullPath, reason: 'expired' } });
});

app.mount('#app');
