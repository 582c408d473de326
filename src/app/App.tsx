import React from 'react';
import { Route, Routes } from 'react-router-dom';
import { type AppRootProps } from '@grafana/data';
import { type MeshLensSettings } from '../shared/settings';
import { HomePage } from './pages/HomePage';

function App(props: AppRootProps<MeshLensSettings>) {
  return (
    <Routes>
      <Route path="*" element={<HomePage jsonData={props.meta.jsonData} />} />
    </Routes>
  );
}

export default App;
