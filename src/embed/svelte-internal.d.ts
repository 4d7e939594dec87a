// Svelte ships no types for its internal runtime entry; svelte-client.ts only re-exports it.
declare module 'svelte/internal/client';
