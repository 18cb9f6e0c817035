import { create } from 'zustand';
import { createDictionaryActions } from './dictionary/actions';
import { dictionaryInitialState } from './dictionary/initialState';
import { createDocumentsActions } from './documents/actions';
import { documentsInitialState } from './documents/initialState';
import { createImportActions } from './import/actions';
import { importInitialState } from './import/initialState';
import { createReviewActions } from './review/actions';
import { reviewInitialState } from './review/initialState';
import { createSessionActions } from './session/actions';
import { sessionInitialState } from './session/initialState';
import { createUsersActions } from './users/actions';
import { usersInitialState } from './users/initialState';
import type { MishenStore } from './types';

export const initialStoreState = {
  ...sessionInitialState,
  ...documentsInitialState,
  ...reviewInitialState,
  ...importInitialState,
  ...dictionaryInitialState,
  ...usersInitialState,
};

export const useMishenStore = create<MishenStore>()((...a) => ({
  ...initialStoreState,
  ...createSessionActions(...a),
  ...createDocumentsActions(...a),
  ...createReviewActions(...a),
  ...createImportActions(...a),
  ...createDictionaryActions(...a),
  ...createUsersActions(...a),
}));

export type { MishenStore } from './types';
export { sessionSelectors } from './session/selectors';
export { documentsSelectors } from './documents/selectors';
export { reviewSelectors } from './review/selectors';
export { importSelectors } from './import/selectors';
export { dictionarySelectors } from './dictionary/selectors';
export { usersSelectors } from './users/selectors';
