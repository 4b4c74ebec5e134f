import { mount } from 'svelte';
import App from './App.svelte';
import { usePageTheme } from './state/theme.svelte';
import './ui/common/global.css';

usePageTheme(); // the stored theme on <html> before the first render (index.html's CSP allows no inline script)
mount(App, { target: document.getElementById('app')! });
