import { mount } from 'svelte';
import App from './App.svelte';
import './ui/common/global.css';

mount(App, { target: document.getElementById('app')! });
