import { defineStore } from 'pinia';
import { shallowRef } from 'vue';
import type { Customer } from '@shared/schemas/reference.schema';
import { api } from '../api';

/**
 * Customer names for the SLA policies that match a customer. Customers are paged; the admin view reads the first
 * 1,000 by name once and learns the rest from searches (there is no look-up by id in the API).
 */
export const useAdminCustomers = defineStore('adminCustomers', () => {
  const names = shallowRef(new Map<string, string>());
  let first: Promise<void> | null = null;

  function learn(customers: Customer[]): void {
    const next = new Map(names.value);
    for (const c of customers) next.set(c.id, c.name);
    names.value = next;
  }

  function ensure(): Promise<void> {
    first ??= api.call('customers.list', { limit: 1000 }).then(
      (page) => learn(page.items),
      () => void (first = null),
    );
    return first;
  }

  async function search(text: string): Promise<Customer[]> {
    const page = await api.call('customers.list', { search: text.trim() || undefined, limit: 25 });
    learn(page.items);
    return page.items;
  }

  const nameOf = (id: string): string => names.value.get(id) ?? id;

  return { names, ensure, search, nameOf };
});
